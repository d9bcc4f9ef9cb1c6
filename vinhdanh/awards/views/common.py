"""What every awards page with forms shares: a refused POST shows the page again."""

# A POST whose form or service refused: the page again, with the reasons on its form.
REFUSED = 400


class FormsOnPage:
    """The forms a page renders, with the one a refused POST bound in place of a fresh one.

    `failed` is (key, bound form) or None. A page asks `get(key, make)` for each form it
    shows; when the refused form's key is not among them (the object moved on meanwhile),
    `stray` is that form, so the page still says why nothing was done.
    """

    def __init__(self, failed=None):
        self.key, self.form = failed or (None, None)
        self.shown = False

    def get(self, key, make):
        if self.form is not None and key == self.key:
            self.shown = True
            return self.form
        return make()

    @property
    def stray(self):
        return self.form if self.form is not None and not self.shown else None
