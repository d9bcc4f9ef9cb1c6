"""Stored files on S3-compatible object storage, as private as on the filesystem.

Chosen by the settings when VINHDANH_S3_BUCKET is set (settings.py); the filesystem
(`files.PrivateFileStorage`) stays the embedded default. Kept apart from files.py so that
boto3 is imported only by a deployment that uses it.

The bucket is private (no ACL is ever written, so objects keep the bucket's own
"private" policy) and `url()` refuses like the filesystem's: a file is reached only
through the view that checks scope, which streams it, or, with
PRIVATE_FILES_S3_REDIRECT_SECONDS, answers with a presigned address valid that long.
"""

from storages.backends.s3 import S3Storage

from vinhdanh.core.files import NoPublicURL


class PrivateS3Storage(S3Storage):
    # Names are random tokens, so a clash is a bug: never write over a stored dossier.
    file_overwrite = False
    default_acl = None
    querystring_auth = True

    def url(self, name, parameters=None, expire=None, http_method=None):
        raise NoPublicURL(
            "Stored files have no public URL; link to the view that serves them "
            "(vinhdanh.core.files.serving_url)."
        )

    def short_lived_url(
        self, name: str, *, seconds: int, content_type: str, content_disposition: str
    ) -> str:
        """A presigned GET that the object store answers with the app's name, type and no-store.

        Only `serve_private` calls it, after the serving view has checked scope.
        """
        parameters = {
            "ResponseContentType": content_type,
            "ResponseContentDisposition": content_disposition,
            "ResponseCacheControl": "private, no-store",
        }
        return super().url(name, parameters=parameters, expire=seconds)
