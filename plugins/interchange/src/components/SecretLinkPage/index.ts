export { SecretLinkPage } from './SecretLinkPage';
