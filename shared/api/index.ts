export * from './contract';
export * from './errors';
export { germanIssueMessage } from './german-messages';
