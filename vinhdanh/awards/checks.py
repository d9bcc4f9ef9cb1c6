"""Pure checks of the awards workflow: what a dossier still lacks, and whether a vote passed.

No database here: the services hand in what they read, the tests call these directly.
"""


def missing_components(required: list[tuple[str, str]], provided: set[str]) -> list[str]:
    """Names of required components (code, name) that have no attachment yet."""
    return [name for code, name in required if code not in provided]


def vote_passes(agree: int, members: int, threshold, *, strictly_above: bool = False) -> bool:
    """Agree votes as a share of the whole council reach (or exceed) the threshold."""
    if members <= 0:
        return False
    needed = round(float(threshold) * 1000) * members
    return agree * 1000 > needed if strictly_above else agree * 1000 >= needed
