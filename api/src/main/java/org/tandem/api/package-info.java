/**
 * The REST API (an interface, in Cargo Tracker's terms): JAX-RS resources that let resellers' and
 * tenants' scripts do what the portal does, through the same administration services with the
 * {@link org.tandem.administration.access.Actor} of the API token's login, so the same access rules
 * hold. Requests and answers are JSON; every error is an RFC 9457 problem document
 * ({@code problem}); the OpenAPI document is served at {@code /api/openapi.json} ({@code openapi}).
 * One package per area, each with its resource and the JSON records it answers with.
 */
package org.tandem.api;
