"""The optional judge oracle against a local server that speaks the OpenAI chat-completions protocol."""
from __future__ import annotations

import base64
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import numpy as np
import pytest

pytest.importorskip("skia")

from envs.core import Estimate, OracleFailure, budget_name_for  # noqa: E402
from envs.svg.env import SVGEnv  # noqa: E402
from envs.svg.examples import EXAMPLES  # noqa: E402
from envs.svg.judge import parse_score  # noqa: E402

HEX = EXAMPLES["hexagon"]["correct"][0]


class Judge(BaseHTTPRequestHandler):
    requests: list = []

    def log_message(self, *args):  # quiet
        pass

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        if self.path != "/v1/chat/completions" or body.get("model") == "broken":
            self.send_response(500)
            self.end_headers()
            return
        parts = body["messages"][0]["content"]
        text = next(p["text"] for p in parts if p["type"] == "text")
        url = next(p["image_url"]["url"] for p in parts if p["type"] == "image_url")
        png = base64.b64decode(url.split(",", 1)[1])
        assert png[:8] == b"\x89PNG\r\n\x1a\n" and "hexagon" in text
        Judge.requests.append(body)
        score = body["seed"] % 11
        reply = {"choices": [{"index": 0, "message": {"role": "assistant",
                                                        "content": f"Fine. <score>{score}</score>"}}]}
        data = json.dumps(reply).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


@pytest.fixture(scope="module")
def server():
    srv = ThreadingHTTPServer(("127.0.0.1", 0), Judge)
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{srv.server_address[1]}/v1"
    srv.shutdown()
    srv.server_close()


def test_parse_score():
    assert parse_score("ok <score>7</score>") == 0.7
    assert parse_score("<score>3</score> then <SCORE> 9.5 </SCORE>") == 0.95
    assert parse_score("<score>42</score>") == 1.0 and parse_score("no score") == 0.0 and parse_score(None) == 0.0


def test_judge_estimates_are_sample_means_with_common_random_numbers(server):
    env = SVGEnv(tasks="seed", estimator="judge", judge_url=server, samples=3, resolution=64)
    assert (env.budget_name, env.budget) == ("samples", 3)
    state = env.reset(options={"task_id": "hexagon"})[1]["state"]
    small = env.samples(state, HEX, 4, 77)
    large = env.samples(state, HEX, 8, 77)
    np.testing.assert_array_equal(small, large[:4])
    expected = [((77 * 1_000_003 + k) % 11) / 10 for k in range(4)]
    np.testing.assert_allclose(small, expected)
    (est,) = env.estimate([(state, HEX)], budget=4, seeds=[77])
    assert isinstance(est, Estimate) and est.value == pytest.approx(np.mean(expected)) and est.budget == 4
    assert est.info["checks"]["six_fold"] == 1.0  # the verifier's checks come along
    scored = env.score_completions([state], [f"```svg\n{HEX}\n```"], seed=5)[0]
    assert scored.reward == pytest.approx(0.1 + scored.estimate.value)
    truth = env.truth([(state, HEX)])[0]
    assert truth.budget == 1024 and truth.value > 0.9  # the truth stays the verifier at 1024 px


def test_unrenderable_svg_never_reaches_the_judge(server):
    env = SVGEnv(tasks="seed", estimator="judge", judge_url=server, samples=2, resolution=32)
    state = env.reset(options={"task_id": "hexagon"})[1]["state"]
    before = len(Judge.requests)
    s = env.score_completions([state], ["<svg><g></svg>"])[0]
    assert s.reward == -1.0 and len(Judge.requests) == before


def test_judge_failures_are_oracle_failures(server):
    for kwargs in ({"judge_url": server, "judge_model": "broken"},
                   {"judge_url": "http://127.0.0.1:9/v1", "judge_timeout": 2}):
        env = SVGEnv(tasks="seed", estimator="judge", samples=1, resolution=32, **kwargs)
        state = env.reset(options={"task_id": "hexagon"})[1]["state"]
        s = env.score_completions([state], [HEX])[0]
        assert s.oracle_error and "judge" in s.oracle_error and s.reward == 0.0
        assert isinstance(env.estimate([(state, HEX)])[0], OracleFailure)


def test_judge_arguments_are_validated():
    assert budget_name_for("SVG-LLM-v0", {"estimator": "judge"}) == "samples"
    assert budget_name_for("SVG-LLM-v0") == "resolution"
    with pytest.raises(ValueError, match="only apply to estimator='judge'"):
        SVGEnv(judge_url="http://localhost:8000/v1")
    with pytest.raises(ValueError, match="judge_url"):
        SVGEnv(estimator="judge")
    with pytest.raises(ValueError, match="estimator"):
        SVGEnv(estimator="llm")
    with pytest.raises(ValueError, match="samples"):
        SVGEnv(estimator="judge", judge_url="http://localhost:8000/v1", samples=0)
