/** The language a tenant's callers hear the node's prompts in, chosen among the sound sets installed. */
package org.tandem.administration.prompts;
