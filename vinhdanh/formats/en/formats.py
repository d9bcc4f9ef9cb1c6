# English pages keep the Vietnamese administrative formats (dates dd/mm/yyyy).
from vinhdanh.formats.vi.formats import *  # noqa: F403
