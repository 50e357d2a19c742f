module forklab

go 1.26
