/** Training helpers that do not depend on the machine-learning backend. */
package org.leukemia.ml.training;
