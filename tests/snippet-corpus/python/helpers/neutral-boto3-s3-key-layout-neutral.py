# corpus: label=neutral cwe=- function=build_object_key
from datetime import datetime, timezone

import boto3

BUCKET = "analytics-raw-events"


def build_object_key(source: str, event_time: datetime, batch_no: int) -> str:
    """Hive-style partitioned key: source=web/dt=2024-05-01/hour=13/part-00007.json.gz"""
    ts = event_time.astimezone(timezone.utc)
    return f"source={source}/dt={ts:%Y-%m-%d}/hour={ts:%H}/part-{batch_no:05d}.json.gz"


def upload_batch(body: bytes, source: str, batch_no: int):
    s3 = boto3.client("s3")
    key = build_object_key(source, datetime.now(timezone.utc), batch_no)
    s3.put_object(Bucket=BUCKET, Key=key, Body=body, ContentEncoding="gzip")
    return key
