// The automaton layer: pattern syntax → NFA (`AutomatonBuilder`) → `PatternAutomaton` →
// lazy-DFA search (`DFACache`). Its interface is token ids in, matches out; it knows
// nothing of rules, findings or documents. Re-exports the layers below it.
@_exported import LibreText
