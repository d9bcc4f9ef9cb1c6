"""Django messages whose Vietnamese wording the project's catalogue replaces.

Listing them here keeps `makemessages` from dropping the better wording in
locale/vi/LC_MESSAGES/django.po.
"""

from django.utils.translation import gettext_noop

OVERRIDDEN = [
    gettext_noop("Enter a whole number."),
    gettext_noop("This field is required."),
]
