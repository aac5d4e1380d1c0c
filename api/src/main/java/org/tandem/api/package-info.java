/**
 * The REST API (Cargo Tracker's {@code interfaces}, beside the portal): JSON over JAX-RS at
 * {@code /api}, authenticated by API tokens, calling the same administration services as the portal,
 * so the same ownership rules hold. Errors are RFC 9457 problem details. The OpenAPI document is
 * served at {@code /api/openapi.json}.
 */
package org.tandem.api;
