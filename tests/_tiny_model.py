"""A tiny randomly initialised causal LM and a tokenizer trained on the spot, for CPU tests (nothing downloaded).

The model is a 2-layer Qwen2 with hidden size 32; the tokenizer is a byte-level BPE trained with
``tokenizers`` on a few lines of text and wrapped in ``PreTrainedTokenizerFast`` with a chat template.
"""
from __future__ import annotations

CHAT_TEMPLATE = (
    "{% for m in messages %}<|{{ m['role'] }}|>{{ m['content'] }}<|end|>{% endfor %}"
    "{% if add_generation_prompt %}<|assistant|>{% endif %}"
)
SPECIALS = ["<|pad|>", "<|end|>", "<|system|>", "<|user|>", "<|assistant|>"]
CORPUS = [
    "Think briefly, then give your final answer as <answer>A</answer>.",
    "Pick the coin most likely to land heads. A: heads with probability 0.775",
    "Black to move on a 9x9 Gomoku board. Columns A-I, rows 1-9. <answer>E5</answer>",
    "<answer>B</answer> <answer>C</answer> <answer>D</answer> <answer>H8</answer>",
    "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789 .,:;!?()[]{}<>/=+-*_'\"#@$%^&|~`\\",
]


def build_tokenizer(vocab_size: int = 300, extra_tokens=()):
    """A byte-level BPE tokenizer with a chat template, trained on :data:`CORPUS` (left padding).

    ``extra_tokens`` become whole tokens: with whole answers such as ``"<answer>E5</answer>"`` among them, a
    random model's sampled replies often contain a well-formed answer, so reward tests see legal, illegal
    and malformed completions alike.
    """
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast

    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(vocab_size=vocab_size, special_tokens=SPECIALS,
                                  initial_alphabet=pre_tokenizers.ByteLevel.alphabet())
    tok.train_from_iterator(CORPUS * 4, trainer=trainer)
    fast = PreTrainedTokenizerFast(tokenizer_object=tok, pad_token="<|pad|>", eos_token="<|end|>",
                                   padding_side="left")
    fast.chat_template = CHAT_TEMPLATE
    if extra_tokens:
        fast.add_tokens(list(extra_tokens))
    return fast


def build_model(tokenizer, seed: int = 0):
    """A 2-layer Qwen2 causal LM (hidden size 32) sized to ``tokenizer``, with weights from ``seed``."""
    import torch
    from transformers import AutoModelForCausalLM, Qwen2Config

    torch.manual_seed(seed)
    config = Qwen2Config(vocab_size=len(tokenizer), hidden_size=32, intermediate_size=64, num_hidden_layers=2,
                         num_attention_heads=2, num_key_value_heads=1, max_position_embeddings=2048,
                         pad_token_id=tokenizer.pad_token_id, eos_token_id=tokenizer.eos_token_id,
                         bos_token_id=tokenizer.eos_token_id, tie_word_embeddings=True)
    return AutoModelForCausalLM.from_config(config)


def save_tiny(path, extra_tokens=()) -> str:
    """Build the tiny model and tokenizer and save both to ``path`` (a directory); returns it as a string."""
    tokenizer = build_tokenizer(extra_tokens=extra_tokens)
    model = build_model(tokenizer)
    model.save_pretrained(str(path))
    tokenizer.save_pretrained(str(path))
    return str(path)

