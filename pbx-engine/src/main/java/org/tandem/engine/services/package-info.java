/**
 * What an engine is given to run on: the stores, the cluster's peers and the call and registrar
 * policies ({@link org.tandem.engine.services.EngineServices}). The handlers read it and the engine
 * assembles it; it sits apart from both so neither package depends on the other through it.
 */
package org.tandem.engine.services;
