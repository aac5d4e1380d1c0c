/**
 * How a node reads its settings. Here because every module that has settings (the engine, the
 * administration, the API, the portal) depends on the domain, and a setting must mean the same
 * everywhere.
 */
package org.tandem.domain.settings;
