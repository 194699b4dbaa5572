// `import { ArticleAnalyzerElement, define } from 'article-analyzer/element'`
import type { Report, EntityKind } from './report.js';
import type { AnalyzerClient } from './index.js';
export type * from './report.js';

/** The views `views="…"` accepts, in display order. */
export type View = 'stats' | 'entities' | 'words' | 'keywords' | 'summary' | 'text';
export declare const VIEWS: readonly View[];

/** `<article-analyzer>`: see the README, "Embedding". Fires `analyzed` (detail: the report). */
export declare class ArticleAnalyzerElement extends HTMLElement {
  static observedAttributes: string[];
  /** Text to analyze instead of the `for` target or the light DOM; `null` to go back to them. */
  text: string | null;
  /** The last report, or null before the first analysis. */
  readonly result: Report | null;
  /** Another client, or null for the page's shared worker. */
  client: Pick<AnalyzerClient, 'analyze'> | null;
  views: View[];
  top: number;
  language: string | null;
  uiLang: string;
  /** The `for` attribute: the id of the element whose text is analyzed. */
  htmlFor: string;
  /** Analyzes now; resolves to the report, rejects with an AbortError when superseded. */
  analyze(): Promise<Report>;
  addEventListener<K extends keyof ArticleAnalyzerEventMap>(type: K, listener: (this: ArticleAnalyzerElement, ev: ArticleAnalyzerEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
}

export interface ArticleAnalyzerEventMap extends HTMLElementEventMap {
  analyzed: CustomEvent<Report>;
}

/** Registers the element (default tag `article-analyzer`); harmless when already registered. */
export declare function define(tagName?: string, registry?: CustomElementRegistry): typeof ArticleAnalyzerElement;

/** Entity groups of a report: `entityGroups`, or grouped by kind and text. */
export declare function entityGroups(report: Report): { text: string; kind: EntityKind; count: number; start: number }[];

declare global {
  interface HTMLElementTagNameMap {
    'article-analyzer': ArticleAnalyzerElement;
  }
}
