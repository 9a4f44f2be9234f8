"""The lexdraft language: the grammar's parser, the typed AST, the vocabulary, lint and the formatter."""
