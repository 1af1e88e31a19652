"""Batch EN→RU machine translation: backends, translation memory, glossary enforcement, runner.

Nothing here imports Argos Translate or CTranslate2 until a model is actually
used; ``bilingual[translate]`` provides them.
"""
