"""A cluster's or a plan's year stays in range: the admin's forms run the models' checks."""

import pytest
from django.core.exceptions import ValidationError

from vinhdanh.org.models import Cluster, Council

pytestmark = pytest.mark.django_db


def test_a_cluster_of_year_99999_is_refused():
    cluster = Cluster(council=Council.objects.first(), year=99999, code="c9", name="Cụm 9")
    with pytest.raises(ValidationError) as refused:
        cluster.full_clean()
    assert "Năm 99999 không hợp lệ" in " ".join(refused.value.message_dict["year"])
