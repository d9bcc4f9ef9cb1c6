"""Defects found on the walk through the registry: cluster counts, people search and list."""

import pytest
from django.urls import reverse

from vinhdanh.org.models import Cluster

pytestmark = pytest.mark.django_db


def test_a_cluster_head_sees_the_real_number_of_units_of_the_cluster(demo_user, client):
    head = demo_user("cumtruong")
    cluster = Cluster.objects.filter(head=head.unit).latest("year")
    units = cluster.members.count()
    client.force_login(head)
    listed = {
        c.pk: c.member_count for c in client.get(reverse("org:cluster_list")).context["clusters"]
    }
    assert listed[cluster.pk] == units
    home = client.get(reverse("home:index")).content.decode()
    assert f"{units} đơn vị" in home
    assert f"{units * units} đơn vị" not in home
