/** Feature schema: which canonical parameters a model uses and how they are encoded. */
package org.leukemia.ml.features;
