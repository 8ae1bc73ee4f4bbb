"""Language-model policies: batched chat generation with transformers (CPU or GPU) or vLLM (GPU)."""
from __future__ import annotations

from typing import Any, Sequence

from ._lazy import require

__all__ = ["BACKENDS", "LLMPolicy"]

BACKENDS = ("transformers", "vllm")


class LLMPolicy:
    """A chat model that answers batches of conversations; the policy side of ``rewarddial eval``.

    ``policy.generate([messages, ...])`` applies the model's chat template to each conversation (a list of
    ``{"role", "content"}`` turns, e.g. ``info["messages"]``), samples one reply per conversation and returns
    the replies' texts. ``policy(messages)`` answers one conversation.

    Arguments:
        model: a model directory or hub id, or (transformers backend) a loaded ``PreTrainedModel``.
        backend: ``"transformers"`` (CPU or GPU) or ``"vllm"`` (GPU; ``pip install 'rewarddial[vllm]'``).
        tokenizer: a tokenizer or its path (default: the model's); the vLLM backend takes a path only.
        temperature: sampling temperature; 0 means greedy decoding.
        top_p, top_k: nucleus / top-k sampling (``top_k=0`` disables it; vLLM's ``-1`` is accepted too).
        max_new_tokens: cap on the length of each reply, in tokens.
        batch_size: conversations per forward batch (transformers backend).
        device: ``"cpu"``, ``"cuda"``... (transformers backend; default: cuda if available).
        seed: sampling seed. With vLLM, request ``j`` of the policy's life (counting every conversation of
            every ``generate`` call) is sampled with seed ``seed + j``, so identical conversations in a batch
            still get independent replies and a run is reproducible.
        **backend_kwargs: passed to ``from_pretrained`` (transformers) or ``vllm.LLM`` (vLLM), e.g.
            ``dtype="bfloat16"``, ``gpu_memory_utilization=0.8``.
    """

    def __init__(self, model: Any, *, backend: str = "transformers", tokenizer: Any = None,
                 temperature: float = 1.0, top_p: float = 1.0, top_k: int = 0, max_new_tokens: int = 256,
                 batch_size: int = 8, device: str | None = None, seed: int = 0, **backend_kwargs: Any) -> None:
        if backend not in BACKENDS:
            raise ValueError(f"backend={backend!r} is not one of {BACKENDS}; use 'transformers' (CPU or GPU) or "
                             "'vllm' (GPU)")
        if not (isinstance(max_new_tokens, int) and max_new_tokens >= 1):
            raise ValueError(f"max_new_tokens={max_new_tokens!r} must be a positive integer")
        if not (isinstance(batch_size, int) and batch_size >= 1):
            raise ValueError(f"batch_size={batch_size!r} must be a positive integer")
        if temperature < 0:
            raise ValueError(f"temperature={temperature!r} must be >= 0 (0 is greedy decoding)")
        if not 0 < top_p <= 1:
            raise ValueError(f"top_p={top_p!r} must be in (0, 1]")
        if isinstance(top_k, bool) or not isinstance(top_k, int) or top_k < -1:
            raise ValueError(f"top_k={top_k!r} must be a non-negative integer (0, or vLLM's -1, disables top-k "
                             "sampling)")
        if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
            raise ValueError(f"seed={seed!r} must be a non-negative integer")
        self.backend = backend
        self.temperature = float(temperature)
        self.top_p = float(top_p)
        self.top_k = max(0, top_k)
        self.max_new_tokens = max_new_tokens
        self.batch_size = batch_size
        self.seed = seed
        if backend == "transformers":
            self._init_transformers(model, tokenizer, device, backend_kwargs)
        else:
            self._init_vllm(model, tokenizer, backend_kwargs)

    # ------------------------------------------------------------------ transformers
    def _init_transformers(self, model, tokenizer, device, kwargs) -> None:
        torch = require("torch", "LLMPolicy(backend='transformers')")
        transformers = require("transformers", "LLMPolicy(backend='transformers')")
        if isinstance(model, str):
            self.model = transformers.AutoModelForCausalLM.from_pretrained(model, **kwargs)
        else:
            self.model = model
        if tokenizer is None:
            if not isinstance(model, str):
                raise ValueError("pass tokenizer= with a loaded model (or give the model's path instead)")
            tokenizer = model
        if isinstance(tokenizer, str):
            tokenizer = transformers.AutoTokenizer.from_pretrained(tokenizer)
        tokenizer.padding_side = "left"
        if tokenizer.pad_token is None:
            tokenizer.pad_token = tokenizer.eos_token
        self.tokenizer = tokenizer
        self.device = device or ("cuda" if torch.cuda.is_available() else "cpu")
        self.model.to(self.device)
        self.model.eval()
        self._torch = torch
        self._generator = torch.Generator(device="cpu").manual_seed(int(self.seed))

    def _generate_transformers(self, conversations: Sequence[Sequence[dict]]) -> list[str]:
        torch = self._torch
        out: list[str] = []
        for start in range(0, len(conversations), self.batch_size):
            batch = conversations[start:start + self.batch_size]
            texts = [self.tokenizer.apply_chat_template(list(m), tokenize=False, add_generation_prompt=True)
                     for m in batch]
            enc = self.tokenizer(texts, return_tensors="pt", padding=True, add_special_tokens=False).to(self.device)
            sample = self.temperature > 0
            gen_kwargs = {"max_new_tokens": self.max_new_tokens, "do_sample": sample,
                          "pad_token_id": self.tokenizer.pad_token_id}
            if sample:
                gen_kwargs.update(temperature=self.temperature, top_p=self.top_p, top_k=self.top_k)
            # generate() samples from torch's global generator: derive it from ours so runs are reproducible
            torch.manual_seed(int(torch.randint(0, 2**31 - 1, (1,), generator=self._generator)))
            with torch.no_grad():
                ids = self.model.generate(**enc, **gen_kwargs)
            new = ids[:, enc["input_ids"].shape[1]:]
            out.extend(self.tokenizer.batch_decode(new, skip_special_tokens=True))
        return out

    # ------------------------------------------------------------------ vLLM
    def _init_vllm(self, model, tokenizer, kwargs) -> None:
        if not isinstance(model, str):
            raise ValueError(f"the vllm backend loads the model itself: pass its path or hub id as model=, not a "
                             f"{type(model).__name__} object")
        if tokenizer is not None and not isinstance(tokenizer, str):
            raise ValueError(f"the vllm backend loads the tokenizer itself: pass its path or hub id as tokenizer=, "
                             f"not a {type(tokenizer).__name__} object (or leave it out to use the model's)")
        vllm = require("vllm", "LLMPolicy(backend='vllm')")
        self._vllm = vllm
        self._requests = 0  # requests sampled so far: request j is seeded with seed + j
        self.llm = vllm.LLM(model=model, tokenizer=tokenizer, seed=self.seed, **kwargs)

    def _sampling_kwargs(self, n: int) -> list[dict]:
        """The ``vllm.SamplingParams`` arguments of the next ``n`` requests (advances the request counter).

        vLLM's ``SamplingParams(seed=)`` seeds one request, so every request gets its own seed,
        ``seed + j`` for the ``j``-th request of this policy; greedy decoding (temperature 0) needs none.
        """
        start, self._requests = self._requests, self._requests + n
        common = {"temperature": self.temperature, "top_p": self.top_p,
                  "top_k": self.top_k if self.top_k > 0 else -1, "max_tokens": self.max_new_tokens}
        if self.temperature == 0:
            return [dict(common, seed=None) for _ in range(n)]
        return [dict(common, seed=self.seed + start + i) for i in range(n)]

    def _generate_vllm(self, conversations: Sequence[Sequence[dict]]) -> list[str]:
        params = [self._vllm.SamplingParams(**kw) for kw in self._sampling_kwargs(len(conversations))]
        outputs = self.llm.chat([list(m) for m in conversations], params, use_tqdm=False)
        return [o.outputs[0].text for o in outputs]

    # ------------------------------------------------------------------ public
    def generate(self, conversations: Sequence[Sequence[dict]]) -> list[str]:
        """One sampled reply (text) per conversation, in order."""
        conversations = list(conversations)
        if not conversations:
            return []
        for m in conversations:
            if not (isinstance(m, (list, tuple)) and all(isinstance(t, dict) and "content" in t for t in m)):
                raise ValueError(f"each conversation must be a list of {{'role', 'content'}} turns, got {m!r:.80}")
        if self.backend == "transformers":
            return self._generate_transformers(conversations)
        return self._generate_vllm(conversations)

    def __call__(self, messages: Sequence[dict]) -> str:
        """The reply to one conversation."""
        return self.generate([messages])[0]
