/**
 * Outbound HTTP to URLs that users supply: speech-to-text {@code cloud_storage_url}/{@code source_url}, webhook
 * tools, MCP servers, an agent's {@code custom_llm.url}. Every such request goes through {@link dev.timbre.outbound.OutboundHttp}.
 *
 * <ul>
 *   <li>{@link dev.timbre.outbound.OutboundPolicy}: only public addresses ({@link dev.timbre.outbound.AddressClass}:
 *       not loopback, private, CGNAT, link-local incl. 169.254.169.254, multicast, unspecified, reserved, IPv6
 *       loopback/unique-local/link-local, nor IPv4-mapped, NAT64 or 6to4 forms of those), plus the operator's
 *       {@link dev.timbre.outbound.OutboundAllowList} ({@code TIMBRE_OUTBOUND_ALLOW} or
 *       {@code network.outbound_allow}: hosts, {@code host:port}, CIDR ranges).</li>
 *   <li>{@link dev.timbre.outbound.PolicyDnsResolver}: the client's only resolver; the checked addresses are the ones
 *       connected to (no second lookup, so DNS rebinding cannot slip a private address in).</li>
 *   <li>{@link dev.timbre.outbound.OutboundHttp}: Apache HttpClient 5 with redirects off; at most 5 hops followed here,
 *       each re-checked; connect timeout 10 s, the request's timeout over all hops; bodies read bounded by callers.
 *       Every failure is the one generic {@link dev.timbre.outbound.OutboundException}; details go to the log.</li>
 *   <li>{@link dev.timbre.outbound.OutboundTransport}: the same client behind the engines' {@code HttpTransport}, for
 *       the custom LLM.</li>
 *   <li>{@link dev.timbre.outbound.OutboundAddresses}: the check for clients that bring their own HTTP stack (the MCP
 *       SDK's JDK client): every resolved address must be permitted, checked right before connecting (no rebinding
 *       guarantee, unlike {@code OutboundHttp}).</li>
 * </ul>
 *
 * <p>Trusted, and so outside this policy: URLs only the operator configures — the LLM providers and remote
 * speech-to-text in the server's configuration, and the workspace webhooks ({@code webhooks.WebhookSender}).
 *
 * <p>Threading: everything here is immutable or thread-safe; requests block the caller's thread.
 */
package dev.timbre.outbound;
