// The analysis report: the public JSON shape of src/report.rs (keep in sync with it).
// All positions are UTF-16 code units: `text.slice(start, end)` is the span in JavaScript.
// Fields marked optional are added by newer builds; a report from an older build lacks them.

/** Token kinds. */
export type TokenKind = 'word' | 'number' | 'punctuation' | 'symbol' | (string & {});
/** Writing systems of tokens. */
export type Script = 'arabic' | 'latin' | 'common' | (string & {});
/** Entity kinds (lowercase names). */
export type EntityKind =
  | 'person' | 'organization' | 'location' | 'misc' | 'date' | 'time' | 'number' | 'money'
  | 'percent' | 'quantity' | 'url' | 'email' | 'hashtag' | 'mention' | 'quote' | (string & {});

/** A span of the analyzed text. */
export interface Span {
  /** UTF-16 start. */
  start: number;
  /** UTF-16 end (exclusive). */
  end: number;
}

export interface TokenReport extends Span {
  kind: TokenKind;
  script: Script;
}

export type SentenceReport = Span;

export interface ParagraphReport extends Span {
  /** Language code of the paragraph (`ar`, `en`, …). */
  language?: string;
}

export interface EntityReport extends Span {
  kind: EntityKind;
  /** The mention as written. */
  text: string;
  /** A normalized value where one exists (an ISO date, a number…). */
  value?: string;
}

export interface QuoteReport extends Span {
  text: string;
  speaker: (Span & { text: string }) | null;
}

export interface EntityGroup {
  text: string;
  kind: EntityKind;
  count: number;
  /** UTF-16 start of the first mention. */
  start: number;
}

export interface FrequencyReport {
  /** The folded key words are grouped by. */
  key: string;
  /** The most frequent surface form. */
  text: string;
  count: number;
  /** Occurrences per 1,000 words. */
  perThousand?: number;
  /** Surface forms, most frequent first. */
  forms?: { text: string; count: number }[];
  /** UTF-16 start of every occurrence. */
  positions?: number[];
}

export interface Ngram {
  text: string;
  /** Number of words (2 or 3). */
  n: number;
  count: number;
  /** Log-likelihood ratio G². */
  score: number;
}

export interface Keyword {
  text: string;
  /** Relevance in (0, 1]. */
  score: number;
}

export interface Readability {
  index: string;
  score: number;
  grade?: number;
}

export interface Statistics {
  /** Unicode scalar values (what `[...text].length` counts). */
  characters: number;
  charactersNoSpaces: number;
  words: number;
  sentences: number;
  paragraphs?: number;
  uniqueWords?: number;
  averageSentenceLength?: number;
  medianSentenceLength?: number;
  longestSentence?: { index: number; words: number };
  averageWordLength?: number;
  lexicalDensity?: number;
  typeTokenRatio?: number;
  mattr?: number;
  hapaxLegomena?: number;
  numbers?: number;
  quotes?: number;
  questions?: number;
  readingTimeSeconds?: number;
  speakingTimeSeconds?: number;
  readability?: Readability;
}

/** What `analyze()` returns. */
export interface Report {
  /** Empty when `options.tokens` is false. */
  tokens: TokenReport[];
  /** Empty when `options.sentences` is false. */
  sentences: SentenceReport[];
  entities: EntityReport[];
  statistics: Statistics;
  language?: string;
  paragraphs?: ParagraphReport[];
  quotes?: QuoteReport[];
  entityGroups?: EntityGroup[];
  frequencies?: FrequencyReport[];
  ngrams?: Ngram[];
  keywords?: Keyword[];
  /** Indices into `sentences` of the summary sentences, in text order. */
  summary?: number[];
}

/** Options of `analyze()`; every field is optional. An unknown option throws. */
export interface Options {
  /** Include the per-token list (default true). */
  tokens?: boolean;
  /** Include the per-sentence list (default true). */
  sentences?: boolean;
  /** Include the per-paragraph list. */
  paragraphs?: boolean;
  /** Recognize entities. */
  entities?: boolean;
  /** Language override (`ar`, `en`); detected when absent. */
  language?: string;
  /** Length of the frequency and keyword lists. */
  top?: number;
  /** Leave stopwords out of the frequency list. */
  stopwords?: boolean;
  /** How word forms are folded into one frequency key. */
  frequencyLevel?: string;
  /** Sentences in the summary. */
  summarySentences?: number;
}
