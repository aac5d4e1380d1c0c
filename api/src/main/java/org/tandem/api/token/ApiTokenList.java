package org.tandem.api.token;

import java.util.List;

/** The tokens of the caller's reseller or tenant, newest first. */
public record ApiTokenList(List<ApiToken> tokens) {
}
