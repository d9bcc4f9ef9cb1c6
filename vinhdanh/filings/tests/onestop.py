"""A fake one-stop system: it calls the filings API as the real one would, with the Django
test client: gets a token with its credentials, sends JSON with an Idempotency-Key, and
retries a call whose answer it did not get (the same key and body)."""

import base64
import json
import uuid

from django.test import Client


class OneStop:
    def __init__(self, client_id: str, secret: str, *, http: Client | None = None):
        self.client_id, self.secret = client_id, secret
        self.http = http or Client()
        self.token = None
        self.calls = 0

    def authenticate(self):
        response = self.http.post(
            "/api/filings/token",
            data=json.dumps(
                {
                    "grant_type": "client_credentials",
                    "client_id": self.client_id,
                    "client_secret": self.secret,
                }
            ),
            content_type="application/json",
        )
        if response.status_code == 200:
            self.token = response.json()["access_token"]
        return response

    def _headers(self, key: str | None = None) -> dict:
        headers = {"HTTP_AUTHORIZATION": f"Bearer {self.token}"} if self.token else {}
        if key:
            headers["HTTP_IDEMPOTENCY_KEY"] = key
        return headers

    def get(self, path: str):
        self.calls += 1
        return self.http.get(f"/api/filings/{path}", **self._headers())

    def post(self, path: str, body: dict, *, key: str | None = None, raw: bytes | None = None):
        self.calls += 1
        data = raw if raw is not None else json.dumps(body, ensure_ascii=False).encode()
        return self.http.post(
            f"/api/filings/{path}",
            data=data,
            content_type="application/json",
            **self._headers(key or str(uuid.uuid4())),
        )

    def post_with_retries(self, path: str, body: dict, *, lost_answers: int = 2):
        """As over a bad line: the first `lost_answers` answers never reach the system, which
        sends the same call again under the same key."""
        key = str(uuid.uuid4())
        answers = [self.post(path, body, key=key) for _ in range(lost_answers + 1)]
        return answers[-1], answers

    @staticmethod
    def attachment(filename: str, content: bytes, document: str = "") -> dict:
        return {
            "document": document,
            "filename": filename,
            "content_base64": base64.b64encode(content).decode(),
        }
