/** The API's OpenAPI 3.1 document, written by hand beside the resources and served as it is. */
package org.tandem.api.openapi;
