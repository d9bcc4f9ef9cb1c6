"""Stored files on S3-compatible object storage: the same gate, the same scope-checked views.

The store is moto's S3 in server mode on a loopback port (a real HTTP endpoint, as MinIO
or Ceph would be), so boto3 and django-storages run unpatched.
"""

import socket
import urllib.request
import uuid

import boto3
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from moto.server import ThreadedMotoServer

from vinhdanh.awards.demo import DEMO_PDF
from vinhdanh.awards.models import Attachment
from vinhdanh.awards.tests.helpers import new_draft
from vinhdanh.core.files import NoPublicURL, PrivateFileStorage, serving_url
from vinhdanh.core.tests.test_private_files import (
    FILE_FIELDS,
    OWNERS,
    _key,
    _stored_files,
    outsider,  # noqa: F401 - a fixture
)

KEYS = {"access_key": "test-access-key", "secret_key": "test-secret-key"}


def _free_loopback_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def object_store():
    port = _free_loopback_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.stop()


@pytest.fixture
def bucket(object_store, settings):
    """A fresh private bucket, and the settings a deployment with VINHDANH_S3_BUCKET gets."""
    name = f"vinhdanh-{uuid.uuid4().hex[:12]}"
    client = boto3.client(
        "s3",
        endpoint_url=object_store,
        region_name="us-east-1",
        aws_access_key_id=KEYS["access_key"],
        aws_secret_access_key=KEYS["secret_key"],
    )
    client.create_bucket(Bucket=name)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "vinhdanh.core.object_storage.PrivateS3Storage",
            "OPTIONS": {
                "bucket_name": name,
                "endpoint_url": object_store,
                "region_name": "us-east-1",
                "location": "hoang-mai",
                "signature_version": "s3v4",
                # Smaller than most files here, so that reading spills to a temporary file.
                "max_memory_size": 64,
                **KEYS,
            },
        },
    }
    return client, name


def _keys(bucket) -> list[str]:
    client, name = bucket
    return [item["Key"] for item in client.list_objects_v2(Bucket=name).get("Contents", [])]


def _upload(client, nomination, filename: str, content: bytes):
    component = nomination.title.title_components.filter(component__generated=False).first()
    return client.post(
        reverse("awards:attachment_upload", args=[nomination.pk]),
        {"component": component.component.code, "file": SimpleUploadedFile(filename, content)},
    )


@pytest.mark.django_db
def test_an_attachment_goes_to_the_bucket_and_back_only_to_its_ward(client, demo_user, bucket):
    nomination = new_draft(demo_user)
    client.force_login(demo_user("canbo.hoangliet"))
    assert _upload(client, nomination, "Biên bản họp.pdf", DEMO_PDF).status_code == 302
    attachment = Attachment.objects.get(nomination=nomination)
    # Under the deployment's prefix, by the random private name, nothing of the person.
    assert _keys(bucket) == [f"hoang-mai/{attachment.file.name}"]
    client_s3, name = bucket
    stored = client_s3.get_object(Bucket=name, Key=f"hoang-mai/{attachment.file.name}")
    assert stored["Body"].read() == DEMO_PDF

    url = reverse("awards:attachment_download", args=[nomination.pk, attachment.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == DEMO_PDF
    assert response["Content-Disposition"] == (
        "attachment; filename*=utf-8''Bi%C3%AAn%20b%E1%BA%A3n%20h%E1%BB%8Dp.pdf"
    )
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Content-Type-Options"] == "nosniff"

    client.force_login(demo_user("canbo.dinhcong"))  # the officer of another ward
    assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 404


@pytest.mark.django_db
def test_a_refused_upload_reaches_no_bucket(client, demo_user, bucket):
    nomination = new_draft(demo_user)
    client.force_login(demo_user("canbo.hoangliet"))
    response = _upload(client, nomination, "ho-so.pdf", b"<html><script>alert(1)</script>")
    assert response.status_code == 400
    assert "Không nhận ảnh SVG, trang HTML" in response.content.decode()
    assert not Attachment.objects.filter(nomination=nomination).exists()
    assert _keys(bucket) == []


@pytest.mark.django_db
def test_with_a_redirect_the_owner_gets_a_short_lived_address(client, demo_user, bucket, settings):
    settings.PRIVATE_FILES_S3_REDIRECT_SECONDS = 60
    nomination = new_draft(demo_user)
    client.force_login(demo_user("canbo.hoangliet"))
    _upload(client, nomination, "Biên bản họp.pdf", DEMO_PDF)
    attachment = Attachment.objects.get(nomination=nomination)
    url = reverse("awards:attachment_download", args=[nomination.pk, attachment.pk])

    response = client.get(url)
    assert response.status_code == 302
    assert response["Cache-Control"] == "private, no-store"
    address = response["Location"]
    assert "X-Amz-Expires=60" in address and "X-Amz-Signature=" in address
    with urllib.request.urlopen(address, timeout=10) as fetched:  # loopback: moto's server
        assert fetched.read() == DEMO_PDF
        assert fetched.headers["Content-Disposition"] == response["Content-Disposition"]
        assert fetched.headers["Content-Type"] == "application/pdf"

    client.force_login(demo_user("canbo.dinhcong"))
    refused = client.get(url)
    assert refused.status_code == 404 and "Location" not in refused


@pytest.mark.django_db
def test_an_object_has_no_public_url_and_the_bucket_refuses_unsigned_reads(
    client, demo_user, bucket, object_store
):
    nomination = new_draft(demo_user)
    client.force_login(demo_user("canbo.hoangliet"))
    _upload(client, nomination, "a.pdf", DEMO_PDF)
    attachment = Attachment.objects.get(nomination=nomination)
    with pytest.raises(NoPublicURL):
        attachment.file.url  # noqa: B018 - asking is the test
    _client, name = bucket
    plain = f"{object_store}/{name}/hoang-mai/{attachment.file.name}"
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(plain, timeout=10)
    assert refused.value.code == 403


@pytest.mark.django_db
def test_every_kind_of_stored_file_is_served_from_the_bucket_to_its_owner_only(
    client,
    bucket,
    outsider,  # noqa: F811 - the fixture of test_private_files
):
    """Each serving view works on object storage, not only the attachments' one."""
    client_s3, name = bucket
    disk = PrivateFileStorage()  # where the demo stored them
    rows = {}
    for model, field_name, row, stored in _stored_files():
        rows.setdefault(_key(model, field_name), (row, field_name, stored.name))
    assert len(rows) == len(FILE_FIELDS)
    in_bucket = {}
    for label, (_row, _field, key) in rows.items():
        with disk.open(key, "rb") as handle:
            # Marked, so that a copy read from the disk instead would not pass.
            in_bucket[label] = handle.read() + b"\n% copy in the bucket"
        client_s3.put_object(Bucket=name, Key=f"hoang-mai/{key}", Body=in_bucket[label])
    for label, (row, field_name, _key_name) in rows.items():
        url = serving_url(row, field_name)
        client.force_login(OWNERS[label](row))
        response = client.get(url)
        assert response.status_code == 200, label
        assert b"".join(response.streaming_content) == in_bucket[label], label
        client.force_login(outsider)
        assert client.get(url).status_code == 404, label
