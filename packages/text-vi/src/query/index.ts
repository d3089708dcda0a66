export { QueryParseError, type QueryAst, type QueryWord, type TermAst } from './ast.ts';
export { parseQuery } from './parse.ts';
export { prepareDocument, type PreparedText } from './document.ts';
export { compileQuery, matchQuery, triggerWords, type CompiledQuery, type QueryDocument } from './match.ts';
export { classifyTopics, compileTaxonomy, type CompiledTaxonomy, type CompiledTopic, type TaxonomyData, type TopicRecord } from './topics.ts';
