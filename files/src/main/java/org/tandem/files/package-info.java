/**
 * The cluster's files (prompts, greetings, voicemail, recordings, music on hold) in one folder: a local
 * folder for a single node, the FUSE mount of the cluster's GlusterFS volume on each node of a cluster.
 * {@link org.tandem.files.SharedFiles} reads and writes it with java.nio; {@link org.tandem.files.FilePath}
 * is its layout. A file is written on the local disk first and renamed into the folder whole.
 */
package org.tandem.files;
