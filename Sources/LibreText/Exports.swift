// The text layer reads bytes into tokens: the tokenizer, the vocabulary of the loaded
// lexicons and its frozen lookup, and the sink that records tokens with their ids. It stands
// on the model alone, and re-exports it so a client of the text layer needs one import.
@_exported import LibreModel
