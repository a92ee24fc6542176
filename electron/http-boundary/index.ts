// The request boundary every HTTP server of the app puts around its routing: browser mode's and the
// sandbox marketplace's.
export { answerEveryRequest, requestUrl, type FailureAnswer, type RequestRoute } from './request-boundary';
