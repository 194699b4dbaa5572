// The one-line embed: importing this module registers <article-analyzer>. Loading it twice (or
// two copies from different URLs) is harmless: define() keeps the first registration.
import { define } from './article-analyzer.js';

export { ArticleAnalyzerElement, define } from './article-analyzer.js';
export const ArticleAnalyzer = define();
