// The request boundary every HTTP server of the app puts around its routing (the sandbox's too).
export { answerEveryRequest, type FailureAnswer } from './request-boundary';
