export * from './contract';
export * from './errors';
export { germanIssueMessage, issueMessage, refinement } from './german-messages';
