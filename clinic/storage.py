"""Uploaded pictures in an S3-compatible object store (DJANGO_MEDIA_STORAGE=s3).

The bucket stays private. A picture's address is the portal's own /media/<name>, as with
files on disk: the media view (clinic.media) checks who asks and what the file is, then
reads it from the store. Browsers never talk to the store, so the Content-Security-Policy
keeps `img-src 'self'` and no link to a picture works for someone who is not signed in.
"""

from urllib.parse import urljoin

from django.conf import settings
from django.utils.encoding import filepath_to_uri
from storages.backends.s3 import S3Storage


class PrivateS3Storage(S3Storage):
    def url(self, name, parameters=None, expire=None, http_method=None):
        return urljoin(settings.MEDIA_URL, filepath_to_uri(name))

    def signed_url(self, name, expire=None):
        """A short-lived signed link straight to the object (for tools, never for pages)."""
        return super().url(name, expire=expire)
