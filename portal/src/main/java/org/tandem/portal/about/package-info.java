/** The About page: what Tandem is built with, and the credit its recorded sounds' licence asks for. */
package org.tandem.portal.about;
