// `import 'article-analyzer/define'` registers <article-analyzer>.
export { ArticleAnalyzerElement, define } from './element.js';
import type { ArticleAnalyzerElement } from './element.js';
/** The registered class (the first registration wins). */
export declare const ArticleAnalyzer: typeof ArticleAnalyzerElement;
