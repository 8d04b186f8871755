module dep
