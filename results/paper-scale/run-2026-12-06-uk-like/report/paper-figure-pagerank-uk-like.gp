# The paper's picture for pagerank: published systems (points) and this run's single threads (lines). Written by cost report. Redraw with: gnuplot paper-figure-pagerank-uk-like.gp

set logscale xy
set xrange [0.7:256]
set yrange [85.3333333:20916]
set xlabel 'cores'
set ylabel 'seconds (uk-2007-05 published, uk-like measured)'
set title 'pagerank: the paper''s systems on uk-2007-05 against one thread of this machine on uk-like'
set key outside bottom center vertical box noenhanced
set grid lc rgb '#dddddd'
set label 1 'GraphChi 6972 s' at 2,6972 offset char 0.8,0.5 font ',9' noenhanced
set label 2 'Spark 1759 s' at 128,1759 offset char 0.8,0.5 font ',9' noenhanced
set label 3 'Giraph 1235 s' at 128,1235 offset char 0.8,0.5 font ',9' noenhanced
set label 4 'GraphLab 833 s' at 128,833 offset char 0.8,0.5 font ',9' noenhanced
set label 5 'GraphX 462 s' at 128,462 offset char 0.8,0.5 font ',9' noenhanced
set label 6 'single thread (SSD) 651 s' at 1,651 offset char 0.8,0.5 font ',9' noenhanced
set label 7 'Hilbert (SSD) 256 s' at 1,256 offset char 0.8,0.5 font ',9' noenhanced

set terminal svg size 900,640 font 'DejaVu Sans,11' background '#ffffff' noenhanced
set output 'paper-figure-pagerank-uk-like.svg'
plot 'paper-figure-pagerank-uk-like.dat' index 0 using 1:2 with points pt 7 ps 1.4 lc rgb '#c0392b' title 'published systems', \
     'paper-figure-pagerank-uk-like.dat' index 1 using 1:2 with points pt 5 ps 1.2 lc rgb '#7d3c98' title 'published single threads (the paper''s laptop)', \
     459.610569 with lines lw 2 dt 2 lc rgb '#1e8449' title 'this run, 1 thread, hilbert order, disk: serial:pagerank-stream 460 s'

set terminal pngcairo size 900,640 font 'DejaVu Sans,10' background '#ffffff' noenhanced
set output 'paper-figure-pagerank-uk-like.png'
replot
unset output
