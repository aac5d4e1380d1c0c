/** {@code /customers}: a reseller's customers (every customer for an operator token). */
package org.tandem.api.customer;
