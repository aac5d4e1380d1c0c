/**
 * The OpenAPI 3.1 document of the API, written by hand in {@code openapi.json} beside this package's
 * classes and served as it is; {@code OpenApiDocumentTest} checks that it lists every resource method
 * and nothing else, and that its schemas have the members the answers have.
 */
package org.tandem.api.openapi;
