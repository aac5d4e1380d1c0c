package org.tandem.api.extension;

import java.util.List;

/** Every extension a CSV import made, each with its SIP password (shown this once). */
public record ImportedExtensions(List<SipCredentials> created) {
}
