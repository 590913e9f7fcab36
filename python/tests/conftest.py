import os
import sys

# The package is python/kernels: tests run from anywhere without installing it.
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
