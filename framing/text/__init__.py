"""The text layer: normalisation with an offset map, tokens, sentences, paragraphs and quotation marks."""
