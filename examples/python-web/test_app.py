import json
import threading
import unittest
from http.server import ThreadingHTTPServer
from urllib.error import HTTPError
from urllib.request import Request, urlopen

import app


class AppTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        app.Handler.log_message = lambda *args: None
        cls.server = ThreadingHTTPServer(("127.0.0.1", 0), app.Handler)
        cls.base = "http://127.0.0.1:%d" % cls.server.server_address[1]
        threading.Thread(target=cls.server.serve_forever, daemon=True).start()

    @classmethod
    def tearDownClass(cls):
        cls.server.shutdown()
        cls.server.server_close()

    def get(self, path, method="GET"):
        try:
            with urlopen(Request(self.base + path, method=method)) as res:
                return res.status, json.loads(res.read())
        except HTTPError as err:
            return err.code, json.loads(err.read())

    def test_health(self):
        status, body = self.get("/health")
        self.assertEqual(status, 200)
        self.assertEqual(body["status"], "ok")

    def test_quotes_filter(self):
        status, body = self.get("/api/quotes?author=dijkstra")
        self.assertEqual(status, 200)
        self.assertEqual([q["id"] for q in body], [3])

    def test_random_quote_and_time(self):
        self.assertEqual(self.get("/api/quotes/random")[0], 200)
        self.assertIn("utc", self.get("/api/time")[1])

    def test_errors(self):
        self.assertEqual(self.get("/nope")[0], 404)
        self.assertEqual(self.get("/health", method="POST")[0], 405)


if __name__ == "__main__":
    unittest.main()
