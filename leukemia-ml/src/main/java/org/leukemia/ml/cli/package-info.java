/** Command line: train, evaluate, explain and describe models. */
package org.leukemia.ml.cli;
