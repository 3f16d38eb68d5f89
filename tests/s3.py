"""A local S3-compatible object store for the tests: moto in server mode, on a port the OS
picks, in a thread of the test process (tests/media) or in the process of its own that
tests/deploy starts. No request ever leaves the machine."""

import contextlib
import uuid

import boto3
from moto.server import ThreadedMotoServer

# moto takes any credentials; these keep boto3 from looking for real ones.
CREDENTIALS = {"AWS_ACCESS_KEY_ID": "test-key", "AWS_SECRET_ACCESS_KEY": "test-secret"}
REGION = "us-east-1"


@contextlib.contextmanager
def moto_server():
    """The address of a moto server, for as long as the block runs."""
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    try:
        yield f"http://{host}:{port}"
    finally:
        server.stop()


def client(endpoint: str):
    return boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name=REGION,
        aws_access_key_id=CREDENTIALS["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=CREDENTIALS["AWS_SECRET_ACCESS_KEY"],
    )


def new_bucket(endpoint: str) -> str:
    """A private bucket of its own, as a clinic group would create it."""
    name = f"portal-test-{uuid.uuid4().hex[:12]}"
    client(endpoint).create_bucket(Bucket=name)
    return name


def environment(endpoint: str, bucket: str) -> dict[str, str]:
    """The variables a portal process is given to keep its media in `bucket`."""
    return {
        "DJANGO_MEDIA_STORAGE": "s3",
        "DJANGO_S3_BUCKET": bucket,
        "DJANGO_S3_ENDPOINT_URL": endpoint,
        "DJANGO_S3_REGION": REGION,
        **CREDENTIALS,
    }


def keys(endpoint: str, bucket: str) -> list[str]:
    listing = client(endpoint).list_objects_v2(Bucket=bucket)
    return sorted(item["Key"] for item in listing.get("Contents", []))
