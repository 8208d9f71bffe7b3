/**
 * The scene word detector: a small fully-convolutional DL4J network that maps a grey photograph to a
 * quarter-resolution probability map of word kernels (each word box shrunk towards its centre, so that
 * neighbouring words stay apart), the box extraction that grows each kernel back into a word box, its
 * model file, and its trainer, which learns from synthetic scenes only.
 */
package org.jaznet.pages.detect.scene;
