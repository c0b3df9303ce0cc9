package org.passerelle.llm;

/**
 * One request of a provider batch: the exact body a live call would send, and the article it is for.
 *
 * @param customId the request's id in the batch: the SHA-256 of its body, so that the live call that
 * would send the same body finds the batch's answer to it
 * @param articleId the article the request translates
 * @param url the path the live call goes to ({@code /v1/chat/completions}, {@code /v1/messages})
 * @param body the request's JSON, as LangChain4j writes it for a live call
 */
public record BatchRequest(String customId, String articleId, String url, String body) {
}
