/** Zip bundle layout and JSON metadata of a serialised model. */
package org.leukemia.ml.bundle;
